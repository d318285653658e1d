//! Shared by the runtime's integration tests: building the runtime library the way gorc's
//! build.rs does (release, panic=abort, frame pointers) and linking a hand-written fixture
//! program against it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The native libraries a Rust static library needs (`--print native-static-libs`).
pub const NATIVE_LIBS: &[&str] = &[
    "-lgcc_s",
    "-lutil",
    "-lrt",
    "-lpthread",
    "-lm",
    "-ldl",
    "-lc",
];

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Builds the runtime into target/rt-test and links `exe_name` there from `fixtures` (paths
/// relative to runtime/tests/fixtures) and the library, with `cc_flags`.
pub fn link_fixture(exe_name: &str, fixtures: &[&str], cc_flags: &[&str]) -> PathBuf {
    let ws = workspace();
    let target = ws.join("target").join("rt-test");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let st = Command::new(cargo)
        .current_dir(&ws)
        .args(["build", "-p", "gorc-runtime", "--release", "--target-dir"])
        .arg(&target)
        .args(["--config", "profile.release.panic=\"abort\""])
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env("RUSTFLAGS", "-C force-frame-pointers=yes")
        .status()
        .expect("run cargo");
    assert!(st.success(), "building the runtime failed");
    let lib = target.join("release").join("libgorc_rt.a");
    let exe = target.join(exe_name);
    let st = Command::new("cc")
        .args(cc_flags)
        .arg("-no-pie")
        .arg("-o")
        .arg(&exe)
        .args(
            fixtures
                .iter()
                .map(|f| ws.join("runtime/tests/fixtures").join(f)),
        )
        .arg(&lib)
        .args(NATIVE_LIBS)
        .status()
        .expect("run cc");
    assert!(st.success(), "linking {exe_name} failed");
    exe
}

//! Builds the runtime static library (runtime/) and hands its path to the `gorc` command, which
//! embeds it with `include_bytes!`, so an installed `gorc` needs no source tree.
//!
//! The runtime is built by a nested cargo into its own target directory (under OUT_DIR, so it
//! does not contend for the outer build's lock), always optimised, with `panic = "abort"` (a Rust
//! panic inside the runtime is a runtime bug and must not unwind through Go frames) and with
//! frame pointers forced so tracebacks can walk from runtime frames into Go frames.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let target_dir = out.join("rt-target");
    println!("cargo:rerun-if-changed=runtime/src");
    println!("cargo:rerun-if-changed=runtime/Cargo.toml");
    println!("cargo:rerun-if-changed=build.rs");

    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(&manifest)
        .args(["build", "--release", "-p", "gorc-runtime", "--lib"])
        .arg("--target-dir")
        .arg(&target_dir)
        .args(["--config", "profile.release.panic=\"abort\""])
        .args(["--config", "profile.release.debug=\"line-tables-only\""])
        .env("CARGO_ENCODED_RUSTFLAGS", "-Cforce-frame-pointers=yes");
    // Variables cargo sets for this build script would otherwise leak into the nested build.
    for (k, _) in env::vars() {
        if k.starts_with("CARGO_FEATURE_")
            || k.starts_with("CARGO_CFG_")
            || k == "RUSTFLAGS"
            || k == "CARGO_TARGET_DIR"
            || k == "CARGO_MAKEFLAGS"
            || k == "MAKEFLAGS"
            || k == "MFLAGS"
            || k == "CARGO_BUILD_TARGET"
        {
            cmd.env_remove(&k);
        }
    }
    let status = cmd.status().expect("running cargo to build the runtime");
    if !status.success() {
        panic!("building the gorc runtime failed");
    }
    let lib = target_dir.join("release").join("libgorc_rt.a");
    assert!(lib.exists(), "runtime library missing at {}", lib.display());
    println!("cargo:rustc-env=GORC_RT_LIB={}", lib.display());
}

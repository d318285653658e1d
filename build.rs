//! Builds the runtime static library (runtime/) and hands its path to the `gorc` command, which
//! embeds it with `include_bytes!`, so an installed `gorc` needs no source tree. The Go sources
//! of the standard packages (stdlib/) are embedded the same way, through a generated table.
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
    embed_stdlib(&manifest, &out);
}

/// Writes OUT_DIR/stdlib_files.rs: `(path relative to stdlib/, contents)` of every .go file
/// under stdlib/ (test files excluded), sorted by path.
fn embed_stdlib(manifest: &std::path::Path, out: &std::path::Path) {
    let root = manifest.join("stdlib");
    println!("cargo:rerun-if-changed=stdlib");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("reading stdlib/") {
            let p = e.expect("reading stdlib/").path();
            if p.is_dir() {
                println!("cargo:rerun-if-changed={}", p.display());
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "go")
                && !p.to_string_lossy().ends_with("_test.go")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut table = String::from("&[\n");
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        table.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    table.push_str("]\n");
    std::fs::write(out.join("stdlib_files.rs"), table).expect("writing stdlib_files.rs");
    println!("cargo:rustc-env=GORC_STDLIB_DIR={}", root.display());
}

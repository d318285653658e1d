//! The `gorc` command line: `build` and `run` on files and directories, output names, exit
//! statuses and the format of compile errors.

use std::path::Path;
use std::process::Command;

fn gorc() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gorc"))
}

fn write(dir: &Path, name: &str, src: &str) {
    std::fs::write(dir.join(name), src).unwrap();
}

fn two_file_package(dir: &Path) {
    write(
        dir,
        "main.go",
        "package main\n\nfunc main() {\n\tprintln(twice(21), name)\n}\n",
    );
    write(
        dir,
        "util.go",
        "package main\n\nvar name = \"pkg\"\n\nfunc twice(x int) int { return 2 * x }\n",
    );
}

#[test]
fn run_files_and_directories() {
    let tmp = tempfile::tempdir().unwrap();
    two_file_package(tmp.path());
    // A directory, and the same package named file by file.
    for args in [
        vec![".".to_string()],
        vec!["main.go".into(), "util.go".into()],
    ] {
        let out = gorc()
            .arg("run")
            .args(&args)
            .current_dir(tmp.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "gorc run {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "42 pkg\n");
    }
}

#[test]
fn build_names_the_executable_like_go_build() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("hello");
    std::fs::create_dir(&pkg).unwrap();
    two_file_package(&pkg);
    // No arguments: the current directory, named after it.
    let st = gorc().arg("build").current_dir(&pkg).status().unwrap();
    assert!(st.success());
    assert!(pkg.join("hello").is_file());
    // A file: named after the file; -o wins.
    let st = gorc()
        .args(["build", "main.go", "util.go"])
        .current_dir(&pkg)
        .status()
        .unwrap();
    assert!(st.success());
    assert!(pkg.join("main").is_file());
    let st = gorc()
        .args(["build", "-o", "custom", "."])
        .current_dir(&pkg)
        .status()
        .unwrap();
    assert!(st.success());
    let out = Command::new(pkg.join("custom")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "42 pkg\n");
}

#[test]
fn run_reports_the_programs_exit_status() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "p.go",
        "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n",
    );
    let out = gorc()
        .args(["run", "p.go"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("panic: boom\n\ngoroutine 1 [running]:\nmain.main()"));
}

#[test]
fn compile_errors_are_file_line_col_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "bad.go",
        "package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n",
    );
    let out = gorc()
        .args(["build", "bad.go"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        "bad.go:4:2: x declared but not used\nbad.go:5:2: undefined: y\n"
    );
    assert!(!tmp.path().join("bad").exists());
}

#[test]
fn missing_files_are_reported_not_panicked_on() {
    let out = gorc()
        .args(["build", "/nonexistent/x.go"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/x.go"));
}

/// A module with a library package, two commands under cmd/, and a directory the go command
/// skips (testdata).
fn module_with_commands(root: &Path) {
    write(root, "go.mod", "module example.com/tool\n\ngo 1.19\n");
    for d in ["lib", "cmd/hello", "cmd/bye", "testdata/junk"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    write(
        &root.join("lib"),
        "lib.go",
        "package lib\n\nfunc Greet(who string) string { return \"hello, \" + who }\n",
    );
    write(
        &root.join("cmd/hello"),
        "main.go",
        "package main\n\nimport \"example.com/tool/lib\"\n\nfunc main() { println(lib.Greet(\"world\")) }\n",
    );
    write(
        &root.join("cmd/bye"),
        "main.go",
        "package main\n\nfunc main() { println(\"bye\") }\n",
    );
    // Not a package of ./... (and not even valid Go).
    write(&root.join("testdata/junk"), "x.go", "this is not go\n");
}

#[test]
fn module_packages_by_directory_import_path_and_pattern() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    module_with_commands(root);
    // `gorc build ./cmd/hello` names the executable after the package's last path element.
    let st = gorc()
        .args(["build", "./cmd/hello"])
        .current_dir(root)
        .status()
        .unwrap();
    assert!(st.success());
    let out = Command::new(root.join("hello")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "hello, world\n");
    // By import path, from a sub-directory of the module.
    let st = gorc()
        .args(["build", "-o", "b", "example.com/tool/cmd/bye"])
        .current_dir(root.join("lib"))
        .status()
        .unwrap();
    assert!(st.success());
    assert!(root.join("lib/b").exists());
    // `gorc run .` inside a command's directory.
    let out = gorc()
        .args(["run", "."])
        .current_dir(root.join("cmd/hello"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "hello, world\n");
    // `./...` compiles every package (testdata skipped) and writes no executable.
    let before: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let out = gorc()
        .args(["build", "./..."])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        before.len(),
        after.len(),
        "build ./... wrote files: {after:?}"
    );
    // A broken package under ./... fails the build with its error.
    write(
        &root.join("lib"),
        "bad.go",
        "package lib\n\nvar x int = \"s\"\n",
    );
    let out = gorc()
        .args(["build", "./..."])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lib/bad.go:3:13: cannot use \"s\""), "{err}");
}

#[test]
fn build_constraints_select_files() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "main.go",
        "package main\n\nfunc main() { println(os()) }\n",
    );
    write(
        d,
        "os_linux.go",
        "package main\n\nfunc os() string { return \"linux\" }\n",
    );
    write(
        d,
        "os_windows.go",
        "package main\n\nfunc os() string { return \"windows\" }\n",
    );
    write(
        d,
        "gen.go",
        "//go:build ignore\n\npackage main\n\nfunc main() {}\n",
    );
    write(
        d,
        "tagged.go",
        "//go:build linux && (amd64 || arm64) && !windows\n\npackage main\n\nvar _ = 1\n",
    );
    let out = gorc().args(["run", "."]).current_dir(d).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "linux\n");
}

/// `CGO_ENABLED=0` leaves out the files that import "C" (their implicit `cgo` build
/// constraint), as with the go command: a package with a `//go:build !cgo` fallback builds
/// without the C compiler's help and uses the fallback; with cgo on, the C side is used.
#[test]
fn cgo_enabled_selects_files() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "go.mod", "module cgosel\n\ngo 1.19\n");
    write(
        tmp.path(),
        "main.go",
        "package main\n\nfunc main() {\n\tprintln(which())\n}\n",
    );
    write(
        tmp.path(),
        "c.go",
        "package main\n\n// static int answer(void) { return 42; }\nimport \"C\"\n\nfunc which() int { return int(C.answer()) }\n",
    );
    write(
        tmp.path(),
        "nocgo.go",
        "//go:build !cgo\n\npackage main\n\nfunc which() int { return -1 }\n",
    );
    for (cgo, want) in [("1", "42\n"), ("0", "-1\n")] {
        let out = gorc()
            .args(["run", "."])
            .env("CGO_ENABLED", cgo)
            .current_dir(tmp.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "CGO_ENABLED={cgo}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            want,
            "CGO_ENABLED={cgo}"
        );
    }
}

/// `#cgo pkg-config: foo` takes foo's compiler and linker flags from pkg-config (here a
/// `foo.pc` found through PKG_CONFIG_PATH, giving an include directory, a macro and `-lm`), as
/// gc does; a package pkg-config does not know stops the build with pkg-config's message.
#[test]
fn cgo_pkg_config() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("pc")).unwrap();
    std::fs::create_dir_all(dir.join("inc")).unwrap();
    write(dir, "go.mod", "module pctest\n\ngo 1.19\n");
    write(&dir.join("inc"), "foo.h", "#define FOO_VALUE 42\n");
    write(
        &dir.join("pc"),
        "foo.pc",
        &format!(
            "prefix={}\nName: foo\nDescription: test\nVersion: 1.0\nCflags: -I${{prefix}}/inc -DFOO_EXTRA=1\nLibs: -lm\n",
            dir.display()
        ),
    );
    write(
        dir,
        "main.go",
        "package main\n\n// #cgo pkg-config: foo\n// #include <foo.h>\n// #include <math.h>\nimport \"C\"\n\nfunc main() {\n\tprintln(C.FOO_VALUE, C.FOO_EXTRA, int(C.sqrt(16)))\n}\n",
    );
    let out = gorc()
        .args(["run", "."])
        .env("PKG_CONFIG_PATH", dir.join("pc"))
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "42 1 4\n");

    let out = gorc()
        .args(["build", "-o", "/dev/null", "."])
        .env("PKG_CONFIG_PATH", dir.join("nowhere"))
        .current_dir(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("foo") && err.contains("not found"), "{err}");
}

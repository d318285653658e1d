//! The `gorc` command: `build`, `run`, `version`, `env`.

mod archive;
mod buildtags;
mod cgobuild;
mod driver;
mod load;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gorc",
    version,
    about = "gorc compiles Go programs to native executables"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Compile a main package (files or a directory) to an executable.
    Build {
        /// Name of the executable (default: the first file's or the directory's base name).
        #[arg(short = 'o')]
        output: Option<PathBuf>,
        /// Build mode: `exe` (or `default`), `c-archive` (a static library and its header for
        /// C programs), `c-shared` (a shared library and its header). Spelled as for the go
        /// command: `-buildmode=c-archive` or `-buildmode c-archive`.
        #[arg(long = "buildmode", value_name = "MODE", default_value = "default")]
        buildmode: String,
        /// .go files of one package, or packages: directories (`./cmd/x`), import paths of
        /// the module, `dir/...` patterns (default: the current directory).
        paths: Vec<String>,
    },
    /// Compile and run a main package: `gorc run FILES|DIR [ARGS...]`.
    Run {
        /// .go files (or one directory), then the program's arguments.
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print gorc's version.
    Version,
    /// Print the environment gorc uses.
    Env,
}

/// The go command's single-dash long flags of `build` (`-buildmode=x`, `-buildmode x`), in
/// clap's spelling (`--buildmode`).
fn go_style_flags(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.get(1).is_some_and(|a| a == "build") {
        for a in &mut args[2..] {
            let go_style = a
                .to_str()
                .is_some_and(|s| s == "-buildmode" || s.starts_with("-buildmode="));
            if go_style {
                let mut dashed = std::ffi::OsString::from("-");
                dashed.push(&*a);
                *a = dashed;
            }
        }
    }
    args
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(go_style_flags(std::env::args_os().collect()));
    match cli.cmd {
        Cmd::Build {
            output,
            buildmode,
            paths,
        } => {
            let paths = if paths.is_empty() {
                vec![".".to_string()]
            } else {
                paths
            };
            let mode = match driver::BuildMode::parse(&buildmode) {
                Ok(m) => m,
                Err(e) => return e.report(),
            };
            match driver::build_command(&paths, output, mode) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => e.report(),
            }
        }
        Cmd::Run { args } => {
            let (paths, prog_args) = driver::split_run_args(&args);
            if paths.is_empty() {
                eprintln!("gorc run: no go files listed");
                return ExitCode::from(1);
            }
            let dir = match tempfile::Builder::new().prefix("gorc-run").tempdir() {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("gorc run: {e}");
                    return ExitCode::from(1);
                }
            };
            let exe = dir.path().join("prog");
            if let Err(e) = driver::build_for_run(&paths, &exe) {
                return e.report();
            }
            match std::process::Command::new(&exe).args(prog_args).status() {
                Ok(st) => match st.code() {
                    Some(c) => ExitCode::from(c as u8),
                    // Killed by a signal: report it like a shell would.
                    None => {
                        use std::os::unix::process::ExitStatusExt;
                        ExitCode::from(128 + st.signal().unwrap_or(0) as u8)
                    }
                },
                Err(e) => {
                    eprintln!("gorc run: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Cmd::Version => {
            println!(
                "gorc version {} (go1.19 language) linux/amd64",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Cmd::Env => {
            println!("GOARCH=\"amd64\"");
            println!("GOOS=\"linux\"");
            println!("CC=\"{}\"", driver::cc());
            println!(
                "CGO_ENABLED=\"{}\"",
                if buildtags::cgo_enabled() { 1 } else { 0 }
            );
            for var in ["CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_LDFLAGS"] {
                println!("{var}=\"{}\"", cgobuild::env_flags(var).join(" "));
            }
            ExitCode::SUCCESS
        }
    }
}

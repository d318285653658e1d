//! The `gorc` command: `build`, `run`, `version`, `env`.

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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Build { output, paths } => {
            let paths = if paths.is_empty() {
                vec![".".to_string()]
            } else {
                paths
            };
            match driver::build_command(&paths, output) {
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
            println!("GORC_CC=\"{}\"", driver::cc());
            ExitCode::SUCCESS
        }
    }
}

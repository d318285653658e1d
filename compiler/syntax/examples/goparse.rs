//! `goparse FILE...`: parses Go files and prints their syntax errors as `file:line:col: msg`
//! (a development tool for comparing with gc).

use gorc_syntax::{parse_file, FileSet, NodeIds};

fn main() {
    let mut fset = FileSet::new();
    let mut ids = NodeIds::default();
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let src = match std::fs::read(&path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                eprintln!("{}: {}", path, e);
                failed = true;
                continue;
            }
        };
        let id = fset.add(path, src);
        if let Err(errs) = parse_file(&fset, id, &mut ids) {
            failed = true;
            for e in errs {
                println!("{}: {}", fset.position(e.pos), e.msg);
            }
        }
    }
    std::process::exit(failed as i32);
}

fn main() {
    // Generates the parser for src/grammar.lalrpop into OUT_DIR.
    lalrpop::process_src().expect("lalrpop grammar");
}

fn main() {
    // The lalrpop grammar is compiled here once it exists.
}

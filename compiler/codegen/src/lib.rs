//! Lowering of checked Go to Cranelift IR, the split-stack prologue and object emission.

//! The gorc runtime: linked into every program gorc builds.

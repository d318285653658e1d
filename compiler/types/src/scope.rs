//! Scopes: universe, package, file, function and block scopes, and lookups through them.

use crate::ObjId;
use std::collections::HashMap;

pub(crate) type ScopeId = usize;

#[derive(Debug, Default)]
pub(crate) struct Scope {
    pub parent: Option<ScopeId>,
    pub names: HashMap<String, ObjId>,
    /// Objects in insertion order (for unused-variable reports).
    pub order: Vec<ObjId>,
}

#[derive(Debug, Default)]
pub(crate) struct Scopes {
    pub scopes: Vec<Scope>,
}

impl Scopes {
    pub fn new_scope(&mut self, parent: Option<ScopeId>) -> ScopeId {
        self.scopes.push(Scope {
            parent,
            ..Default::default()
        });
        self.scopes.len() - 1
    }
    /// Inserts `obj` under `name`; returns the object already declared there, if any.
    pub fn insert(&mut self, s: ScopeId, name: &str, obj: ObjId) -> Option<ObjId> {
        let sc = &mut self.scopes[s];
        if let Some(&o) = sc.names.get(name) {
            return Some(o);
        }
        sc.names.insert(name.to_string(), obj);
        sc.order.push(obj);
        None
    }
    pub fn lookup_local(&self, s: ScopeId, name: &str) -> Option<ObjId> {
        self.scopes[s].names.get(name).copied()
    }
    /// Looks `name` up in `s` and its parents; returns the object and the scope holding it.
    pub fn lookup(&self, mut s: ScopeId, name: &str) -> Option<(ObjId, ScopeId)> {
        loop {
            if let Some(&o) = self.scopes[s].names.get(name) {
                return Some((o, s));
            }
            s = self.scopes[s].parent?;
        }
    }
}

//! Package initialisation order (spec "Package initialization"): repeatedly the earliest
//! variable in declaration order that has no uninitialised dependencies, where dependencies
//! are followed through functions (and methods) the initialiser refers to.

use crate::check::Checker;
use crate::{Initializer, ObjId, ObjKind};
use std::collections::{HashMap, HashSet};

impl<'a> Checker<'a> {
    pub(crate) fn init_order(&mut self) {
        // transitive variable dependencies of every variable
        let vars: Vec<ObjId> = self.globals.clone();
        let mut var_deps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for &v in &vars {
            let mut seen = HashSet::new();
            let mut out = HashSet::new();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            while let Some(d) = stack.pop() {
                if !seen.insert(d) {
                    continue;
                }
                match &self.obj(d).kind {
                    ObjKind::Var(_) => {
                        out.insert(d);
                    }
                    _ => stack.extend(self.deps.get(&d).cloned().unwrap_or_default()),
                }
            }
            var_deps.insert(v, out);
        }
        // report cycles v -> ... -> v through variables, constants and functions
        let mut starts: Vec<ObjId> = self
            .decls
            .keys()
            .copied()
            .filter(|&o| matches!(self.obj(o).kind, ObjKind::Var(_) | ObjKind::Const { .. }))
            .collect();
        starts.sort();
        for v in starts {
            if self.cycle_reported.contains(&v) {
                continue;
            }
            let mut path = vec![v];
            let mut visited = HashSet::new();
            if self.find_cycle(v, v, &mut path, &mut visited) {
                path.pop();
                self.cycle_error(&path, "initialization loop for");
            }
        }
        for &v in &vars {
            var_deps.get_mut(&v).unwrap().remove(&v);
        }
        let mut done: HashSet<ObjId> = HashSet::new();
        let inits = self.init_exprs.clone();
        // the initialiser of each variable
        let mut init_of: HashMap<ObjId, usize> = HashMap::new();
        for (i, (lhs, _, _)) in inits.iter().enumerate() {
            for &o in lhs {
                init_of.insert(o, i);
            }
        }
        let mut emitted: HashSet<usize> = HashSet::new();
        let mut remaining: Vec<ObjId> = vars.clone();
        while !remaining.is_empty() {
            let pick = remaining
                .iter()
                .position(|v| {
                    var_deps[v]
                        .iter()
                        .all(|d| done.contains(d) || !remaining.contains(d))
                })
                .unwrap_or(0);
            let v = remaining.remove(pick);
            done.insert(v);
            if let Some(&i) = init_of.get(&v) {
                if emitted.insert(i) {
                    let (lhs, id, _) = &inits[i];
                    let lhs = lhs
                        .iter()
                        .map(|&o| {
                            if self.obj(o).name == "_" {
                                None
                            } else {
                                Some(o)
                            }
                        })
                        .collect();
                    self.init_order_out.push(Initializer { lhs, rhs: *id });
                }
            }
        }
    }

    fn find_cycle(
        &self,
        from: ObjId,
        target: ObjId,
        path: &mut Vec<ObjId>,
        visited: &mut HashSet<ObjId>,
    ) -> bool {
        for d in self.deps.get(&from).cloned().unwrap_or_default() {
            if d == target {
                path.push(d);
                return true;
            }
            if !visited.insert(d) {
                continue;
            }
            path.push(d);
            if self.find_cycle(d, target, path, visited) {
                return true;
            }
            path.pop();
        }
        false
    }
}

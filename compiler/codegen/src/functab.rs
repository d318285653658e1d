//! `gorc_functab`: one `FuncInfo` per compiled function, for tracebacks and for telling whether
//! a faulting pc is in Go code.
//!
//! ```text
//! FuncInfo { entry@0, size@8, name@16, name_len@24, file@32, file_len@40, lines@48, lines_len@56 }
//! PcLine   { pc_off: u32, line: u32 }   (sorted; code from pc_off on belongs to line)
//! ```

use crate::{CodegenError, Gen, Result};
use cranelift_module::{DataDescription, FuncId, Linkage, Module};
use gorc_syntax::Pos;

pub struct FuncMeta {
    pub id: FuncId,
    pub name: String,
    pub file: String,
    pub size: u32,
    /// (pc offset, line), sorted by pc offset.
    pub lines: Vec<(u32, u32)>,
}

const ENTRY_SIZE: usize = 64;

pub fn emit(g: &mut Gen) -> Result<()> {
    let metas = std::mem::take(&mut g.functab);
    let mut d = DataDescription::new();
    d.set_align(8);
    let mut bytes = vec![0u8; metas.len() * ENTRY_SIZE];
    for (i, m) in metas.iter().enumerate() {
        let base = i * ENTRY_SIZE;
        bytes[base + 8..base + 16].copy_from_slice(&(m.size as u64).to_le_bytes());
        bytes[base + 24..base + 32].copy_from_slice(&(m.name.len() as u64).to_le_bytes());
        bytes[base + 40..base + 48].copy_from_slice(&(m.file.len() as u64).to_le_bytes());
        bytes[base + 56..base + 64].copy_from_slice(&(m.lines.len() as u64).to_le_bytes());
        let fr = g.module.declare_func_in_data(m.id, &mut d);
        d.write_function_addr(base as u32, fr);
        let name = g.string_data(m.name.as_bytes());
        let gv = g.module.declare_data_in_data(name, &mut d);
        d.write_data_addr(base as u32 + 16, gv, 0);
        let file = g.string_data(m.file.as_bytes());
        let gv = g.module.declare_data_in_data(file, &mut d);
        d.write_data_addr(base as u32 + 32, gv, 0);
        if !m.lines.is_empty() {
            let mut lb = Vec::with_capacity(m.lines.len() * 8);
            for &(pc, line) in &m.lines {
                lb.extend_from_slice(&pc.to_le_bytes());
                lb.extend_from_slice(&line.to_le_bytes());
            }
            // Aligned copy: string_data does not align, so lines get their own object.
            let lname = g.anon_name("go:lines");
            let lid = g
                .module
                .declare_data(&lname, Linkage::Local, false, false)
                .map_err(err)?;
            let mut ld = DataDescription::new();
            ld.set_align(4);
            ld.define(lb.into_boxed_slice());
            g.module.define_data(lid, &ld).map_err(err)?;
            let gv = g.module.declare_data_in_data(lid, &mut d);
            d.write_data_addr(base as u32 + 48, gv, 0);
        }
    }
    if bytes.is_empty() {
        bytes.resize(ENTRY_SIZE, 0);
    }
    d.define(bytes.into_boxed_slice());
    let id = g
        .module
        .declare_data("gorc_functab", Linkage::Export, false, false)
        .map_err(err)?;
    g.module.define_data(id, &d).map_err(err)?;

    let mut d = DataDescription::new();
    d.set_align(8);
    d.define(Box::new((metas.len() as u64).to_le_bytes()));
    let id = g
        .module
        .declare_data("gorc_functab_len", Linkage::Export, false, false)
        .map_err(err)?;
    g.module.define_data(id, &d).map_err(err)?;
    Ok(())
}

fn err(e: cranelift_module::ModuleError) -> CodegenError {
    CodegenError {
        pos: Pos::NONE,
        msg: e.to_string(),
    }
}

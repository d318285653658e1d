//! The x86_64 split-stack prologue (see ARCHITECTURE.md, "The split-stack prologue").
//!
//! Cranelift compiles the body; we put our own stack check in front of it and the call into
//! `gorc_morestack` behind it:
//!
//! ```text
//! top:   cmp  rsp, [r15+16]              ; frame <= STACK_SMALL
//!        (or: lea rax, [rsp-(frame-STACK_SMALL)]; cmp rax, [r15+16])
//!        jbe  more
//! body:  ...Cranelift's code...
//! more:  lea  rax, [rip+body]
//!        mov  r10d, frame
//!        mov  r11d, args
//!        jmp  gorc_morestack
//! ```

/// Offset of `stackguard0` in the G structure (r15 points at the current G).
pub const G_STACKGUARD0: u8 = 16;

/// Frames up to this size compare sp itself with the guard: they may use up to STACK_SMALL
/// bytes of the guard area, which the runtime's STACK_GUARD leaves room for.
pub const STACK_SMALL: u32 = 128;

/// A function's code with its prologue and morestack tail, and where the body went.
pub struct Wrapped {
    pub bytes: Vec<u8>,
    /// Offset of the Cranelift body within `bytes` (relocations and source locations of the
    /// body are shifted by this much).
    pub body_offset: u32,
    /// Offset of the rel32 operand of the `jmp gorc_morestack` (needs an X86CallPCRel4
    /// relocation with addend -4); `None` for a leaf without the check.
    pub morestack_reloc: Option<u32>,
}

/// A leaf function (no calls, frame at most STACK_SMALL) needs no check: its caller passed
/// its own, which leaves at least STACK_GUARD - STACK_SMALL bytes below stackguard0.
pub fn leaf(body: &[u8]) -> Wrapped {
    Wrapped {
        bytes: body.to_vec(),
        body_offset: 0,
        morestack_reloc: None,
    }
}

/// Wraps `body` with the stack check. `frame` is the number of bytes the body will use below
/// the stack pointer it is entered with; `args` the bytes of stack-passed arguments above the
/// return address (copied to the new segment when the stack grows).
pub fn wrap(body: &[u8], frame: u32, args: u32) -> Wrapped {
    let mut b = Vec::with_capacity(body.len() + 40);
    if frame <= STACK_SMALL {
        // cmp rsp, [r15+16]
        b.extend_from_slice(&[0x49, 0x3B, 0x67, G_STACKGUARD0]);
    } else {
        // lea rax, [rsp - (frame - STACK_SMALL)]
        let disp = -((frame - STACK_SMALL) as i32);
        b.extend_from_slice(&[0x48, 0x8D, 0x84, 0x24]);
        b.extend_from_slice(&disp.to_le_bytes());
        // cmp rax, [r15+16]
        b.extend_from_slice(&[0x49, 0x3B, 0x47, G_STACKGUARD0]);
    }
    // jbe more (rel32, patched below)
    b.extend_from_slice(&[0x0F, 0x86, 0, 0, 0, 0]);
    let jbe_end = b.len();
    let body_offset = b.len() as u32;
    b.extend_from_slice(body);
    let more = b.len();
    let rel = (more - jbe_end) as i32;
    b[jbe_end - 4..jbe_end].copy_from_slice(&rel.to_le_bytes());
    // lea rax, [rip + body]
    b.extend_from_slice(&[0x48, 0x8D, 0x05]);
    let after_lea = b.len() + 4;
    let rel = body_offset as i64 - after_lea as i64;
    b.extend_from_slice(&(rel as i32).to_le_bytes());
    // mov r10d, frame
    b.extend_from_slice(&[0x41, 0xBA]);
    b.extend_from_slice(&frame.to_le_bytes());
    // mov r11d, args
    b.extend_from_slice(&[0x41, 0xBB]);
    b.extend_from_slice(&args.to_le_bytes());
    // jmp gorc_morestack
    b.push(0xE9);
    let morestack_reloc = b.len() as u32;
    b.extend_from_slice(&[0, 0, 0, 0]);
    Wrapped {
        bytes: b,
        body_offset,
        morestack_reloc: Some(morestack_reloc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_frame_layout() {
        let body = [0xC3]; // ret
        let w = wrap(&body, 64, 0);
        assert_eq!(&w.bytes[..4], &[0x49, 0x3B, 0x67, 0x10]);
        assert_eq!(&w.bytes[4..6], &[0x0F, 0x86]);
        let rel = i32::from_le_bytes(w.bytes[6..10].try_into().unwrap());
        assert_eq!(w.body_offset, 10);
        assert_eq!(10 + rel as usize, 11, "jbe lands after the body");
        // lea rax, [rip+rel] points back at the body
        assert_eq!(&w.bytes[11..14], &[0x48, 0x8D, 0x05]);
        let rel = i32::from_le_bytes(w.bytes[14..18].try_into().unwrap());
        assert_eq!(18 + rel as i64, 10);
        let m = w.morestack_reloc.unwrap() as usize;
        assert_eq!(w.bytes[m - 1], 0xE9);
        assert_eq!(m + 4, w.bytes.len());
    }

    #[test]
    fn big_frame_uses_lea() {
        let w = wrap(&[0xC3], 10_000, 16);
        assert_eq!(&w.bytes[..4], &[0x48, 0x8D, 0x84, 0x24]);
        let disp = i32::from_le_bytes(w.bytes[4..8].try_into().unwrap());
        assert_eq!(disp, -(10_000 - STACK_SMALL as i32));
        assert_eq!(&w.bytes[8..12], &[0x49, 0x3B, 0x47, 0x10]);
        assert_eq!(w.body_offset, 18);
    }
}

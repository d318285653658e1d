#include "shapes.h"

	.text
	.globl	asm_add3
	.type	asm_add3, @function
asm_add3:
	leaq	(%rdi,%rsi), %rax
	addq	%rdx, %rax
	ret
	.size	asm_add3, .-asm_add3

	.globl	asm_scaled
	.type	asm_scaled, @function
asm_scaled:
	imulq	$SHAPES_SCALE, %rdi, %rax
	ret
	.size	asm_scaled, .-asm_scaled

	.section	.note.GNU-stack,"",@progbits

#ifndef SHAPES_H
#define SHAPES_H

#define SHAPES_SCALE 3

#ifndef __ASSEMBLER__

struct rect { long w, h; };

long rect_area(struct rect r);
long rect_perimeter(const struct rect *r);
long asm_add3(long a, long b, long c);   /* add3_amd64.S */
long asm_scaled(long x);                 /* add3_amd64.S: x * SHAPES_SCALE, calls no C */
int counter_next(void);                  /* counter.c */
#endif /* __ASSEMBLER__ */
#endif

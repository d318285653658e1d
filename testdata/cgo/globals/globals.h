struct config { int level; char name[16]; };

extern int counter;
extern double ratio;
extern const char *greeting;
extern struct config cfg;
extern int table[5];
extern long *shared_ptr;

void bump(void);
int read_counter(void);
long read_shared(void);
int table_sum(void);

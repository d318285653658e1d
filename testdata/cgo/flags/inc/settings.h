#define SETTINGS_NAME "from inc/settings.h"
#define SETTINGS_VALUE 314
static inline int settings_twice(int x) { return 2 * x; }

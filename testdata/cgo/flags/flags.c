#include <math.h>
#include "settings.h"

int from_c_file(void) {
#if defined(ANSWER) && defined(ON_LINUX) && defined(FROM_CPPFLAGS)
	return ANSWER + SETTINGS_VALUE + FROM_CPPFLAGS + (int)lround(sqrt(16.0));
#else
	return -1;
#endif
}

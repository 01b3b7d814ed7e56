#include "apiurl.h"

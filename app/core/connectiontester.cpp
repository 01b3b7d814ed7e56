#include "connectiontester.h"

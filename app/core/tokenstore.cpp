#include "tokenstore.h"

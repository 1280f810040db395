#ifndef SMSREPORT_CZLIB_SHIM_H
#define SMSREPORT_CZLIB_SHIM_H
#include <zlib.h>
#endif

#ifndef SMSREPORT_CLIBXML2_SHIM_H
#define SMSREPORT_CLIBXML2_SHIM_H
#include <libxml/xmlwriter.h>
#include <libxml/xmlIO.h>
#include <libxml/encoding.h>
#endif

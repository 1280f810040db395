#ifndef SMSREPORT_CLIBXML2_SHIM_H
#define SMSREPORT_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so encoding.h would pull in the system's ICU headers, whose
   UErrorCode clashes with Foundation's bundled ICU (_FoundationICU) in any Swift file importing both.
   The writer never uses ICU converters, so the ICU part of the API is hidden. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlIO.h>
#include <libxml/encoding.h>
#include <libxml/xmlschemas.h>
#endif

#ifndef KAM_CXLSXWRITER_SHIM_H
#define KAM_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif

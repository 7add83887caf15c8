/* libxml2 (the XML parts of an XLSX read back): every function of it anzen calls, loaded on first use (doclib.h). */
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "stub.h"

DOCLIB_FN(doclib_xml2, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc))
DOCLIB_VOID(doclib_xml2, xmlFreeDoc, (xmlDocPtr cur), (cur))
DOCLIB_FN(doclib_xml2, xmlErrorPtr, xmlGetLastError, (void), ())
DOCLIB_FN(doclib_xml2, xmlChar *, xmlNodeGetContent, (const xmlNode *cur), (cur))
DOCLIB_FN(doclib_xml2, xmlDocPtr, xmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options), (buffer, size, URL, encoding, options))
DOCLIB_VOID(doclib_xml2, xmlResetLastError, (void), ())
DOCLIB_VOID(doclib_xml2, xmlSetGenericErrorFunc, (void *ctx, xmlGenericErrorFunc handler), (ctx, handler))

/* xmlFree is a variable of libxml2 (its deallocator), not a function: ours calls the library's. */
static void xml_free_forward(void *p)
{
    static xmlFreeFunc *real;
    if (!real) {
        void *sym = doclib_symbol(&doclib_xml2, "xmlFree");
        memcpy(&real, &sym, sizeof real);
    }
    (*real)(p);
}
xmlFreeFunc xmlFree = xml_free_forward;

/* exchange/ — hospital <-> vendor exchange: answer bundles (bundle: the model, bundle_write,
 * bundle_json: reading untrusted files; bundle_system: inventory facts as JSON), the canonical
 * digest (digest: SHA-256, nettle), signing keys (key, sign: Ed25519, libsodium), importing and
 * diffing bundles (bundle_import), inventory facts offered for review (offer), reconciliation and
 * agreeing (reconcile), and the vendor's spreadsheet round trip (vendor_sheet: the --for-vendor
 * XLSX; answers_import: reading it back). May include every folder below session. */
#ifndef ANZEN_EXCHANGE_LIB_H
#define ANZEN_EXCHANGE_LIB_H

#include "answers_import.h"
#include "bundle.h"
#include "bundle_fields.h"
#include "bundle_import.h"
#include "bundle_system.h"
#include "digest.h"
#include "key.h"
#include "offer.h"
#include "reconcile.h"
#include "sign.h"
#include "vendor_sheet.h"

#endif

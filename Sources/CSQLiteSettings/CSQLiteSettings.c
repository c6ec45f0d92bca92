#include "CSQLiteSettings.h"

#include <sqlite3.h>

int lk_sqlite_configure_for_serialized_connections(void) {
    // GRDB hands each connection to one thread at a time, so a connection needs no lock of its
    // own (the multi-thread mode, the only one GRDB supports).
    int threading = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    // Memory statistics take one process-wide lock at every allocation; with two threads writing
    // (an import and its name indexes) they wait on each other for nothing Linkages reads.
    int statistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return threading != SQLITE_OK ? threading : statistics;
}

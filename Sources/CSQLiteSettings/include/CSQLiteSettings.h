#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// Process-wide SQLite settings that Swift cannot make itself (sqlite3_config is variadic).
/// Must run before the first connection opens; afterwards SQLite refuses it and nothing changes.
/// Returns 0 when SQLite took the settings.
int lk_sqlite_configure_for_serialized_connections(void);

#endif

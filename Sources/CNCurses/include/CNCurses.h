// The smallest shim over ncursesw for what Swift cannot import: macros, C globals that
// Swift 6 refuses as shared mutable state, and async-signal-safe signal handling.
#ifndef CNCURSES_H
#define CNCURSES_H

// Must come before curses.h to expose the wide-character API (cchar_t, wget_wch, setcchar).
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <wchar.h>

/// The standard screen (the `stdscr` global).
WINDOW *lk_stdscr(void);

/// `newterm(term, stdout, stdin)`: Swift cannot name the `stdout`/`stdin` globals.
SCREEN *lk_newterm(const char *term);

/// True when the terminal can move the cursor (a `TERM=dumb` terminal cannot draw screens).
int lk_can_address_cursor(void);

/// The number of colours the terminal has (the `COLORS` global).
int lk_color_count(void);

/// Video attributes built from flags (the `A_*` macros).
attr_t lk_attributes(int bold, int underline, int reverse, int dim);

/// True when the current locale's character set is UTF-8 (call after setlocale).
int lk_locale_is_utf8(void);

/// Installs handlers for SIGHUP, SIGINT, SIGTERM and SIGQUIT that only record the signal
/// (read it with lk_take_signal), and handlers for crashes that restore the terminal, print one
/// plain line, and end the process with the signal (or hand over to Swift's backtracer when
/// SWIFT_BACKTRACE is set).
void lk_install_signal_handlers(void);

/// The most recent quit signal not yet taken, or 0.
int lk_take_signal(void);

/// Tells the crash handler whether curses is active (so it knows to call endwin).
void lk_set_curses_active(int active);

#endif

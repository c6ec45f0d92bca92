#include "CNCurses.h"

#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

WINDOW *lk_stdscr(void) { return stdscr; }

SCREEN *lk_newterm(const char *term) { return newterm(term, stdout, stdin); }

int lk_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

int lk_color_count(void) { return COLORS; }

attr_t lk_attributes(int bold, int underline, int reverse, int dim) {
    attr_t attrs = A_NORMAL;
    if (bold) attrs |= A_BOLD;
    if (underline) attrs |= A_UNDERLINE;
    if (reverse) attrs |= A_REVERSE;
    if (dim) attrs |= A_DIM;
    return attrs;
}

int lk_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t curses_active = 0;
/// Chain to the previous crash handler (Swift's interactive backtracer) only when a developer
/// asked for it with SWIFT_BACKTRACE; a caseworker gets one plain line instead.
static int chain_to_backtracer = 0;

static const char crash_message[] =
    "linkages: Linkages stopped because of an internal error. Please tell your administrator "
    "what you were doing.\n";

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP };
#define CRASH_SIGNAL_COUNT (sizeof(crash_signals) / sizeof(crash_signals[0]))
static struct sigaction previous_crash_actions[CRASH_SIGNAL_COUNT];

static void record_quit_signal(int signo) { pending_signal = signo; }

static void restore_terminal_on_crash(int signo) {
    if (curses_active) {
        curses_active = 0;
        endwin();
    }
    if (chain_to_backtracer) {
        for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
            if (crash_signals[i] == signo) {
                sigaction(signo, &previous_crash_actions[i], NULL);
                break;
            }
        }
    } else {
        ssize_t ignored = write(STDERR_FILENO, crash_message, sizeof crash_message - 1);
        (void)ignored;
        signal(signo, SIG_DFL);
    }
    raise(signo);
}

void lk_install_signal_handlers(void) {
    struct sigaction quit_action;
    memset(&quit_action, 0, sizeof quit_action);
    quit_action.sa_handler = record_quit_signal;
    sigemptyset(&quit_action.sa_mask);
    quit_action.sa_flags = 0;  // no SA_RESTART: a blocked read returns so the loop sees the signal
    sigaction(SIGHUP, &quit_action, NULL);
    sigaction(SIGINT, &quit_action, NULL);
    sigaction(SIGTERM, &quit_action, NULL);
    sigaction(SIGQUIT, &quit_action, NULL);

    chain_to_backtracer = getenv("SWIFT_BACKTRACE") != NULL;

    struct sigaction crash_action;
    memset(&crash_action, 0, sizeof crash_action);
    crash_action.sa_handler = restore_terminal_on_crash;
    sigemptyset(&crash_action.sa_mask);
    crash_action.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        sigaction(crash_signals[i], &crash_action, &previous_crash_actions[i]);
    }
}

int lk_take_signal(void) {
    int signo = pending_signal;
    pending_signal = 0;
    return signo;
}

void lk_set_curses_active(int active) { curses_active = active; }

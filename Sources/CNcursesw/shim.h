#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1 /* else no cchar_t, add_wch, mvaddwstr, setcchar */
#include <ncurses.h>
#include <langinfo.h>
#include <locale.h>
/* Swift 6 rejects C globals (stdscr, LINES, COLS) as not concurrency-safe. */
static inline WINDOW *dk_stdscr(void) { return stdscr; }
static inline int dk_lines(void) { return LINES; }
static inline int dk_cols(void) { return COLS; }
/* A_* attributes are shift macros and do not import. */
static inline attr_t dk_a_bold(void) { return A_BOLD; }
static inline attr_t dk_a_reverse(void) { return A_REVERSE; }
static inline attr_t dk_a_dim(void) { return A_DIM; }
static inline attr_t dk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dk_a_normal(void) { return A_NORMAL; }
/* Mouse masks are macros built from other macros: they do not import. */
static inline mmask_t dk_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
/* 1: a left click, 4: wheel up, 5: wheel down, 0: anything else. */
static inline int dk_mouse_kind(mmask_t state) {
    if (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (state & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
    if (state & BUTTON5_PRESSED) return 5;
#endif
    return 0;
}
#endif

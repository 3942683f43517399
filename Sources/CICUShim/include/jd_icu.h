// A thin C face over the system ICU. This header deliberately shows no ICU type:
// Swift sees only stdint types and opaque handles, so ICU's own headers never meet
// the copy of ICU that Foundation bundles.
#ifndef JD_ICU_H
#define JD_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jd_breaker jd_breaker;
typedef struct jd_translit jd_translit;

enum { JD_BREAK_WORD = 0, JD_BREAK_SENTENCE = 1 };

/// Opens a break iterator of the given kind for a locale such as "zh". Returns NULL on failure
/// and stores ICU's error code in *error.
jd_breaker *jd_breaker_open(int32_t kind, const char *locale, int32_t *error);
void jd_breaker_close(jd_breaker *breaker);

/// Breaks `text` (UTF-16, `length` units) and writes every boundary after the start, in order,
/// into `boundaries`, with the ICU rule status of the segment ending there into `statuses`
/// (may be NULL). Returns the number of boundaries, or -1 on error. When the buffers are too
/// small, returns the negated count needed minus one (-(needed) - 1).
int32_t jd_breaker_boundaries(jd_breaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *boundaries, int32_t *statuses, int32_t capacity);

/// Opens an ICU transliterator by id ("Traditional-Simplified", "Han-Latin", ...).
jd_translit *jd_translit_open(const char *id, int32_t *error);
void jd_translit_close(jd_translit *translit);

/// Transliterates `text` in place. `length` is the text's length, `capacity` the buffer's.
/// Returns the new length, or a negative value on error (including a result longer than capacity).
int32_t jd_translit_apply(jd_translit *translit, uint16_t *text, int32_t length, int32_t capacity);

/// Converts bytes in `charset` (e.g. "GB18030") to UTF-16, stopping at the first invalid
/// or unmappable byte sequence. Returns the number of UTF-16 units written, or a negative
/// value: -1 unknown charset, -2 invalid input (its byte offset in *error_offset), -3 buffer too small.
int32_t jd_convert_to_utf16(const char *charset, const uint8_t *bytes, int32_t length,
                            uint16_t *out, int32_t capacity, int32_t *error_offset);

/// Converts UTF-16 to bytes in `charset`. Returns the number of bytes, or negative on error
/// (-1 unknown charset, -2 unmappable character, -3 buffer too small).
int32_t jd_convert_from_utf16(const char *charset, const uint16_t *text, int32_t length,
                              uint8_t *out, int32_t capacity);

/// ICU's version as "72.1".
const char *jd_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif

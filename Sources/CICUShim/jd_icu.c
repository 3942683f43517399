#include "jd_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

struct jd_breaker { UBreakIterator *iterator; };
struct jd_translit { UTransliterator *transliterator; };

jd_breaker *jd_breaker_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == JD_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (error) *error = (int32_t)status;
    if (U_FAILURE(status)) return NULL;
    jd_breaker *breaker = malloc(sizeof *breaker);
    if (!breaker) { ubrk_close(iterator); return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

void jd_breaker_close(jd_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t jd_breaker_boundaries(jd_breaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    for (int32_t b = ubrk_next(breaker->iterator); b != UBRK_DONE; b = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            boundaries[count] = b;
            if (statuses) statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count++;
    }
    // Detach the caller's buffer so the iterator never reads it after we return.
    ubrk_setText(breaker->iterator, NULL, 0, &status);
    return count <= capacity ? count : -count - 1;
}

jd_translit *jd_translit_open(const char *id, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UChar uid[128];
    int32_t n = (int32_t)strlen(id);
    if (n >= 128) { if (error) *error = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    for (int32_t i = 0; i < n; i++) uid[i] = (UChar)(unsigned char)id[i];
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (error) *error = (int32_t)status;
    if (U_FAILURE(status)) return NULL;
    jd_translit *translit = malloc(sizeof *translit);
    if (!translit) { utrans_close(t); return NULL; }
    translit->transliterator = t;
    return translit;
}

void jd_translit_close(jd_translit *translit) {
    if (!translit) return;
    utrans_close(translit->transliterator);
    free(translit);
}

int32_t jd_translit_apply(jd_translit *translit, uint16_t *text, int32_t length, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(translit->transliterator, (UChar *)text, &textLength, capacity, 0, &limit, &status);
    if (U_FAILURE(status)) return -1;
    return textLength;
}

static UConverter *open_converter(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return NULL;
    status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    status = U_ZERO_ERROR;
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    return converter;
}

int32_t jd_convert_to_utf16(const char *charset, const uint8_t *bytes, int32_t length,
                            uint16_t *out, int32_t capacity, int32_t *error_offset) {
    UConverter *converter = open_converter(charset);
    if (!converter) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UChar *target = (UChar *)out;
    const char *source = (const char *)bytes;
    ucnv_toUnicode(converter, &target, (UChar *)out + capacity, &source, (const char *)bytes + length,
                   NULL, 1, &status);
    int32_t written = (int32_t)(target - (UChar *)out);
    ucnv_close(converter);
    if (status == U_BUFFER_OVERFLOW_ERROR) return -3;
    if (U_FAILURE(status)) {
        if (error_offset) *error_offset = (int32_t)(source - (const char *)bytes);
        return -2;
    }
    return written;
}

int32_t jd_convert_from_utf16(const char *charset, const uint16_t *text, int32_t length,
                              uint8_t *out, int32_t capacity) {
    UConverter *converter = open_converter(charset);
    if (!converter) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = ucnv_fromUChars(converter, (char *)out, capacity, (const UChar *)text, length, &status);
    ucnv_close(converter);
    if (status == U_BUFFER_OVERFLOW_ERROR) return -3;
    if (U_FAILURE(status)) return -2;
    return n;
}

const char *jd_icu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
    return buffer;
}

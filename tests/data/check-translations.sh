#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Keeps the translations complete:
#  (a) every file under src/ and data/ with translatable strings is listed in
#      po/POTFILES.in, and every listed file exists;
#  (b) a catalogue extracted afresh from those files (with the options of
#      meson's "glib" gettext preset) is fully translated, without fuzzy
#      entries, by every language in po/LINGUAS.
# Works in a temporary directory; the source tree is only read.
# Usage: check-translations.sh SOURCE_ROOT
set -u

root=${1:?usage: check-translations.sh SOURCE_ROOT}
root=$(cd "$root" && pwd) || exit 1

for tool in xgettext msgmerge msgattrib msgfmt; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed"
        exit 77
    fi
done

potfiles_in="$root/po/POTFILES.in"
linguas="$root/po/LINGUAS"
for f in "$potfiles_in" "$linguas"; do
    if [ ! -f "$f" ]; then
        echo "FAIL: $f does not exist"
        exit 1
    fi
done

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

# --- (a) POTFILES.in against the sources ------------------------------------

# xgettext skips blank lines and lines starting with '#'; read it the same way.
sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles_in" \
    | grep -v -e '^$' -e '^#' | sort -u >"$tmp/listed"

while IFS= read -r f; do
    if [ ! -f "$root/$f" ]; then
        echo "FAIL: po/POTFILES.in lists $f, which does not exist"
        failed=1
    fi
done <"$tmp/listed"

c_pattern='(^|[^[:alnum:]_])(N|C|NC|Q)?_[[:space:]]*\([[:space:]]*"|ngettext[[:space:]]*\(|g_dpgettext2?[[:space:]]*\('
dirs=
for d in src data; do
    [ -d "$root/$d" ] && dirs="$dirs $d"
done
(
    cd "$root" || exit 1
    [ -n "$dirs" ] || exit 0
    # shellcheck disable=SC2086 # $dirs is a list of plain directory names
    find $dirs -type f \( -name '*.c' -o -name '*.h' \) \
        -exec grep -lE "$c_pattern" {} +
    # shellcheck disable=SC2086
    find $dirs -type f -name '*.ui' \
        -exec grep -lE "translatable=[\"']yes[\"']" {} +
    # shellcheck disable=SC2086
    find $dirs -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
        -o -name '*.gschema.xml' \) -print
) | sed 's|^\./||' | sort -u >"$tmp/translatable"

comm -23 "$tmp/translatable" "$tmp/listed" >"$tmp/unlisted"
if [ -s "$tmp/unlisted" ]; then
    echo "FAIL: these files have translatable strings but are not in po/POTFILES.in:"
    sed 's/^/    /' "$tmp/unlisted"
    failed=1
fi

# --- (b) a fresh catalogue against each translation --------------------------

# The options of meson's i18n "glib" preset (mesonbuild/modules/i18n.py), so
# that this finds exactly the messages that `ninja delegate-pot` would.
if ! xgettext --package-name=delegate --force-po \
        --files-from="$potfiles_in" --directory="$root" \
        --output="$tmp/fresh.pot" \
        --from-code=UTF-8 --add-comments \
        -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
        --keyword=g_dpgettext2:2c,3 \
        --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
        --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
        --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
        --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
        --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
        --flag=g_log:3:c-format --flag=g_print:1:c-format \
        --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
        --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
        --flag=g_snprintf:3:c-format; then
    echo "FAIL: xgettext could not extract the messages listed in po/POTFILES.in"
    exit 1
fi

langs=$(sed -e 's/#.*//' "$linguas" | tr -s '[:space:]' ' ' | sed -e 's/^ //' -e 's/ $//')
if [ -z "$langs" ]; then
    echo "FAIL: po/LINGUAS lists no language"
    exit 1
fi

for lang in $langs; do
    po="$root/po/$lang.po"
    if [ ! -f "$po" ]; then
        echo "FAIL: po/LINGUAS lists $lang, but po/$lang.po does not exist"
        failed=1
        continue
    fi
    merged="$tmp/$lang.po"
    if ! msgmerge --no-fuzzy-matching --quiet --output-file="$merged" "$po" "$tmp/fresh.pot"; then
        echo "FAIL: msgmerge could not merge po/$lang.po"
        failed=1
        continue
    fi
    msgattrib --untranslated --no-obsolete "$merged" >"$tmp/$lang.untranslated"
    msgattrib --only-fuzzy --no-obsolete "$merged" >"$tmp/$lang.fuzzy"
    if [ -s "$tmp/$lang.untranslated" ]; then
        echo "FAIL: po/$lang.po lacks these translations:"
        cat "$tmp/$lang.untranslated"
        failed=1
    fi
    if [ -s "$tmp/$lang.fuzzy" ]; then
        echo "FAIL: po/$lang.po has these fuzzy translations:"
        cat "$tmp/$lang.fuzzy"
        failed=1
    fi
    # A wrong printf directive in a translation crashes or garbles the UI.
    if ! msgfmt --check-format --output-file=/dev/null "$merged"; then
        echo "FAIL: po/$lang.po has translations whose format directives do not match"
        failed=1
    fi
    echo "$lang: $(msgfmt --statistics --output-file=/dev/null "$merged" 2>&1)"
done

if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "ok: $(grep -c . "$tmp/listed") files in po/POTFILES.in, translations complete for: $langs"

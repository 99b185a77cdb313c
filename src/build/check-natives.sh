#!/usr/bin/env bash
# Checks that a camdash jar holds the JavaCV natives of one platform, and only those: javacpp, opencv,
# openblas and ffmpeg each with that platform's classifier, no other platform's, and the OpenCV and FFmpeg
# libraries inside built for that platform's processor (read from their ELF headers).
# The build runs it after packaging: ./mvnw -Djavacpp.platform=linux-arm64 package checks the Pi's jar.
# Usage: check-natives.sh <jar> <platform> [java.home]; reads the jars with unzip, or the JDK's jar tool
# (slower, a JVM per call) where unzip is not installed.
set -euo pipefail

jar=$1
platform=$2
jartool=${3:+$3/bin/}jar
# Lists an archive's entries; extracts one entry into a folder.
list() {
	if command -v unzip >/dev/null; then unzip -Z1 "$1"; else "$jartool" tf "$1"; fi
}
extract() {
	mkdir -p "$3"
	if command -v unzip >/dev/null; then unzip -q -o "$1" "$2" -d "$3"; else (cd "$3" && "$jartool" xf "$1" "$2"); fi
}
fail() {
	echo "check-natives: $jar for $platform: $*" >&2
	exit 1
}

# e_machine of an ELF file (bytes 18-19, little-endian) for each platform camdash is built for.
case "$platform" in
	linux-x86_64) machine="3e 00" ;;
	linux-arm64) machine="b7 00" ;;
	*) fail "unknown platform (known: linux-x86_64, linux-arm64)" ;;
esac

[ -f "$jar" ] || fail "no such jar"
libs=$(list "$jar" | grep '^BOOT-INF/lib/')
for artifact in javacpp opencv openblas ffmpeg; do
	count=$(grep -c -E "^BOOT-INF/lib/$artifact-[0-9][^/]*-$platform\.jar$" <<<"$libs" || true)
	[ "$count" = 1 ] || fail "expected one $artifact-*-$platform.jar in BOOT-INF/lib, found $count"
done
others=$(grep -E -- '-(linux|macosx|windows|android|ios)-[a-z0-9_]+(-gpl)?\.jar$' <<<"$libs" \
	| grep -v -- "-$platform\.jar$" || true)
[ -z "$others" ] || fail "natives of another platform are packed: $others"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for library in opencv/libopencv_core opencv/libjniopencv_core ffmpeg/libavcodec ffmpeg/libjniavcodec; do
	artifact=${library%%/*}
	name=${library#*/}
	inner=$(grep -E "^BOOT-INF/lib/$artifact-[0-9][^/]*-$platform\.jar$" <<<"$libs")
	extract "$jar" "$inner" "$work"
	file=$(list "$work/$inner" | grep -E "^org/bytedeco/$artifact/$platform/$name\.so[.0-9]*$" | head -n 1 || true)
	[ -n "$file" ] || fail "$inner holds no $name for $platform"
	extract "$work/$inner" "$file" "$work/x"
	header=$(od -An -tx1 -j16 -N4 "$work/x/$file" | tr -s ' ' | sed 's/^ //')
	# Bytes 16-17 are e_type, 18-19 e_machine.
	[ "${header#* * }" = "$machine" ] || fail "$file is not built for $platform (ELF machine bytes: ${header#* * })"
done
echo "check-natives: $(basename "$jar") holds the $platform natives of OpenCV and FFmpeg, and no others"

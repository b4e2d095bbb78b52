/*
 * A stand-in bcryptprimitives.dll for trying the Windows program under
 * Wine 8.0 (Debian 12), which lacks it: Go 1.24 and later load ProcessPrng
 * from it when a program starts (Wine has it from 8.13 on; Windows 10 and
 * 11 always). Used by scripts/wine-try.sh only; never shipped.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

/* RtlGenRandom, which Wine 8.0 has. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}

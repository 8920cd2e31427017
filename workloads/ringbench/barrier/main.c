/*
 * uringlab-barrier SOCKET open|close [TIMEOUT_S]: tells uringlab that the workload's I/O begins
 * or has ended and waits until the probes' window is moved. Run by fio's exec_prerun/exec_postrun.
 */
#include "barrier_client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4 || (strcmp(argv[2], "open") != 0 && strcmp(argv[2], "close") != 0)) {
		fprintf(stderr, "usage: uringlab-barrier SOCKET open|close [TIMEOUT_S]\n");
		return 2;
	}
	int timeout = argc == 4 ? atoi(argv[3]) : 30;
	if (timeout <= 0)
		timeout = 30;
	return barrier_signal(argv[1], argv[2], timeout) == 0 ? 0 : 1;
}

/* The client side of uringlab's probe-window barrier (see barrier_client.c). */
#ifndef URINGLAB_BARRIER_CLIENT_H
#define URINGLAB_BARRIER_CLIENT_H

/*
 * Sends "open" or "close" to the unix socket at path and blocks until uringlab answers "ok"
 * (it has taken its dump) or timeout_s passes. Returns 0 on "ok"; otherwise prints why to
 * stderr and returns -1, so the caller can fail instead of measuring in the wrong window.
 */
int barrier_signal(const char *path, const char *what, int timeout_s);

#endif

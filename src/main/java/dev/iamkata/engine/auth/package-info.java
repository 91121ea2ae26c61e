/** Authentication: SigV4 checking against access keys and sealed session tokens. */
package dev.iamkata.engine.auth;

/** AWS STS: AssumeRole, GetCallerIdentity, GetSessionToken, DecodeAuthorizationMessage. */
package dev.iamkata.engine.sts;

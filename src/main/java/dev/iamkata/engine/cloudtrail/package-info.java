/** AWS CloudTrail: the engine records every authenticated call and answers LookupEvents. */
package dev.iamkata.engine.cloudtrail;

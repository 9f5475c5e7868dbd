package dev.braid.testsupport.anthropic;

/**
 * Where a request stands in the stand-in's scripts.
 *
 * @param script the script's key: a task id, or a cue
 * @param assistantTurns how many answers of the script's conversation the request already holds
 */
record ScriptPosition(String script, int assistantTurns) {}

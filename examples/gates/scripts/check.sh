#!/usr/bin/env bash
# Stand-in for the team's scripts: prints what it was asked to do.
echo "$*"

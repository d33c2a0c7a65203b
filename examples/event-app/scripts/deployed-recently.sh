#!/bin/sh
# Exits 0 when Railway lists a deployment of this environment in the last two hours ("if bad deployment").
./bin/railway deployments --environment "$1" --since 2h | grep -q SUCCESS

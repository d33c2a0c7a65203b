#!/bin/sh
# Exits 0 when Vercel lists a production deployment of the last two hours ("if caused by recent deployment").
./bin/vercel ls --environment "$1" --since 2h | grep -q Ready

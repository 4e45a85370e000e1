package com.leadhandoff.local;

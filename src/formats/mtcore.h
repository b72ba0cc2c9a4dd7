/* mtcore.h: everything of libmtcore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-enums.h"
#include "mt-enum-types.h"
#include "mt-checker-enum-types.h"
#include "mt-wall-time.h"
#include "mt-entity.h"
#include "mt-tour.h"
#include "mt-history.h"
#include "mt-tour-file.h"
#include "mt-travel.h"
#include "mt-checker.h"
#include "mt-ical.h"
#include "mt-csv.h"
#include "mt-print.h"

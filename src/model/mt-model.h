/* mt-model.h: everything of libmtmodel that other layers use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-enums.h"
#include "mt-enum-types.h"
#include "mt-wall-time.h"
#include "mt-stamp.h"
#include "mt-entity.h"
#include "mt-tour.h"
#include "mt-history.h"
#include "mt-tour-file.h"
#include "mt-recovery.h"
#include "mt-validate.h"
#include "mt-file-io.h"

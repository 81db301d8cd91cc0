// plume's public API.
#pragma once

#include "plume/analysis.hpp"
#include "plume/document.hpp"
#include "plume/parse.hpp"
#include "plume/render.hpp"
#include "plume/serve.hpp"
#include "plume/text.hpp"
#include "plume/write.hpp"

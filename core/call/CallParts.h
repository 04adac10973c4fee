#pragma once

#include "core/call/AnchorReport.h"
#include "core/call/CallCombiner.h"
#include "core/call/StreamAnchor.h"
#include "core/devices/DeviceInfo.h"
#include "core/engine/EventQueue.h"
#include "core/engine/SampleRing.h"
#include "core/engine/StreamWatchdog.h"
#include "core/recording/CaptureCallback.h"
#include "core/recording/DeviceRemovalWatch.h"
#include "core/recording/Dropout.h"

#include <cstdint>
#include <deque>
#include <memory>

typedef void PaStream;

namespace tapedeck {

// What a two-input take (a call) holds beside the recorder's first stream: the second capture
// stream with its own callback, ring, queues, watchdog and removal watch; both streams' anchors;
// and the combiner the disk writer reads from. Built on the control thread before the streams
// open; everything the callbacks see lives as long as the recorder's shared state.
struct CallParts {
    static constexpr std::size_t kQueueCapacity = 256;

    // The first input's own queues (its frames go to the combiner, not straight to the file).
    DropoutQueue firstDropouts{kQueueCapacity};
    AnchorQueue firstAnchors{kQueueCapacity};
    std::unique_ptr<StreamAnchor> firstAnchor;

    DeviceInfo device; // the second input
    PaStream* stream = nullptr;
    std::unique_ptr<SampleRing> ring;
    DropoutQueue dropouts{kQueueCapacity};
    AnchorQueue anchors{kQueueCapacity};
    std::unique_ptr<StreamAnchor> anchor;
    EventQueue events;
    std::unique_ptr<CaptureCallback> capture;

    std::unique_ptr<CallCombiner> combiner;

    // Control thread only.
    StreamWatchdog watchdog;
    DeviceRemovalWatch removal;
    std::int64_t latencyFrames = 0;
    bool lost[2] = {false, false};
    std::deque<int> lostToReport;   // for lostInput()
    std::deque<int> lostToAnnounce; // for nextEvent()
};

} // namespace tapedeck

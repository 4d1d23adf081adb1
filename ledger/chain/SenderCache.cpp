#include "ledger/chain/SenderCache.h"

namespace swarmergy::ledger {

std::optional<Address> SenderCache::find(const Hash256& txHash) const {
    std::lock_guard lock(mutex_);
    if (auto it = current_.find(txHash); it != current_.end()) return it->second;
    if (auto it = previous_.find(txHash); it != previous_.end()) return it->second;
    return std::nullopt;
}

void SenderCache::insert(const Hash256& txHash, const Address& sender) {
    std::lock_guard lock(mutex_);
    if (current_.size() >= half_) {
        previous_ = std::move(current_);
        current_ = Map{};
    }
    current_[txHash] = sender;
}

std::size_t SenderCache::size() const {
    std::lock_guard lock(mutex_);
    return current_.size() + previous_.size();
}

}  // namespace swarmergy::ledger
